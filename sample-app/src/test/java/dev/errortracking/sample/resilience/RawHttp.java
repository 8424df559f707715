package dev.errortracking.sample.resilience;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends requests byte for byte over a loopback socket, so that requests which {@code HttpClient} refuses to build
 * (broken request lines, control characters, conflicting framing, invalid UTF-8) reach the server as written.
 */
final class RawHttp {

	private static final int TIMEOUT_MILLIS = 15_000;

	private static final int MAX_RESPONSE_BYTES = 1 << 20;

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	/** A request with {@code Host} and {@code Connection: close} added, and a body with its length. */
	static byte[] request(String method, String target, List<String> headers, byte[] body) {
		StringBuilder head = new StringBuilder();
		head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		head.append("Host: 127.0.0.1\r\n");
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		if (body != null && headers.stream().noneMatch((header) -> header.regionMatches(true, 0, "Content-Length", 0, 14)
				|| header.regionMatches(true, 0, "Transfer-Encoding", 0, 17))) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("Connection: close\r\n\r\n");
		return concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), (body != null) ? body : new byte[0]);
	}

	static byte[] concat(byte[] first, byte[] second) {
		byte[] result = new byte[first.length + second.length];
		System.arraycopy(first, 0, result, 0, first.length);
		System.arraycopy(second, 0, result, first.length, second.length);
		return result;
	}

	/** Send {@code raw}, half-close, and read the response until the server closes the connection. */
	Response send(byte[] raw) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			IOException writeFailure = null;
			try {
				out.write(raw);
				out.flush();
				socket.shutdownOutput();
			}
			catch (SocketException ex) {
				// The server may answer and close before it has read everything, for example a body it refuses.
				writeFailure = ex;
			}
			byte[] received = readAll(socket.getInputStream());
			if (received.length == 0 && writeFailure != null) {
				throw writeFailure;
			}
			return Response.parse(received);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			int read;
			while ((read = in.read(buffer)) != -1) {
				out.write(buffer, 0, read);
				if (out.size() > MAX_RESPONSE_BYTES) {
					break;
				}
			}
		}
		catch (SocketException ex) {
			// A reset after the response was sent: keep what arrived.
		}
		catch (SocketTimeoutException ex) {
			throw new SocketTimeoutException("No complete response within " + TIMEOUT_MILLIS + " ms after "
					+ out.size() + " bytes: " + new String(out.toByteArray(), StandardCharsets.ISO_8859_1));
		}
		return out.toByteArray();
	}

	/** A parsed response: status, headers in order, and the body with any chunked framing removed. */
	record Response(int status, List<String[]> headers, byte[] bodyBytes, String raw) {

		static Response parse(byte[] received) {
			String text = new String(received, StandardCharsets.ISO_8859_1);
			int headEnd = text.indexOf("\r\n\r\n");
			if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
				return new Response(0, List.of(), received, text);
			}
			String[] lines = text.substring(0, headEnd).split("\r\n");
			int status = Integer.parseInt(lines[0].substring(9, 12));
			List<String[]> headers = new ArrayList<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.add(new String[] { lines[i].substring(0, Math.max(colon, 0)).trim(),
						lines[i].substring(colon + 1).trim() });
			}
			byte[] body = new byte[received.length - headEnd - 4];
			System.arraycopy(received, headEnd + 4, body, 0, body.length);
			Response response = new Response(status, headers, body, text);
			return "chunked".equalsIgnoreCase(response.header("Transfer-Encoding"))
					? new Response(status, headers, dechunk(body), text) : response;
		}

		String header(String name) {
			for (String[] header : this.headers) {
				if (header[0].equalsIgnoreCase(name)) {
					return header[1];
				}
			}
			return null;
		}

		boolean hasHeader(String name) {
			return header(name) != null;
		}

		String body() {
			return new String(this.bodyBytes, StandardCharsets.UTF_8);
		}

		String contentType() {
			String type = header("Content-Type");
			return (type != null) ? type.toLowerCase(Locale.ROOT) : null;
		}

		private static byte[] dechunk(byte[] body) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int position = 0;
			while (position < body.length) {
				int lineEnd = indexOfCrlf(body, position);
				if (lineEnd < 0) {
					break;
				}
				String sizeLine = new String(body, position, lineEnd - position, StandardCharsets.ISO_8859_1);
				int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
				position = lineEnd + 2;
				if (size == 0) {
					break;
				}
				out.write(body, position, Math.min(size, body.length - position));
				position += size + 2;
			}
			return out.toByteArray();
		}

		private static int indexOfCrlf(byte[] bytes, int from) {
			for (int i = from; i + 1 < bytes.length; i++) {
				if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
					return i;
				}
			}
			return -1;
		}

	}

}
