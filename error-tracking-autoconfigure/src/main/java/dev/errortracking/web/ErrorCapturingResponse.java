package dev.errortracking.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Holds back {@code sendError} so that the error body can be written by the library instead of the container.
 */
final class ErrorCapturingResponse extends HttpServletResponseWrapper {

	private int errorStatus;

	ErrorCapturingResponse(HttpServletResponse response) {
		super(response);
	}

	@Override
	public void sendError(int status) throws IOException {
		sendError(status, null);
	}

	@Override
	public void sendError(int status, String message) throws IOException {
		if (status < 400) {
			super.sendError(status, message);
			return;
		}
		if (isCommitted()) {
			throw new IllegalStateException("Cannot send an error after the response has been committed");
		}
		this.errorStatus = status;
		super.setStatus(status);
		super.resetBuffer();
	}

	@Override
	public void setStatus(int status) {
		if (this.errorStatus == 0) {
			super.setStatus(status);
		}
	}

	@Override
	public int getStatus() {
		return (this.errorStatus != 0) ? this.errorStatus : super.getStatus();
	}

	@Override
	public boolean isCommitted() {
		return this.errorStatus != 0 || super.isCommitted();
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		return (this.errorStatus != 0) ? DiscardingOutputStream.INSTANCE : super.getOutputStream();
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		return (this.errorStatus != 0) ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
	}

	@Override
	public void flushBuffer() throws IOException {
		if (this.errorStatus == 0) {
			super.flushBuffer();
		}
	}

	boolean hasError() {
		return this.errorStatus != 0;
	}

	int errorStatus() {
		return this.errorStatus;
	}

	private static final class DiscardingOutputStream extends ServletOutputStream {

		static final DiscardingOutputStream INSTANCE = new DiscardingOutputStream();

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] b, int off, int len) {
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
		}

	}

}
