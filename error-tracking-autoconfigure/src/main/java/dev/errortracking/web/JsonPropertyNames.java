package dev.errortracking.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import org.springframework.lang.Nullable;

/**
 * Translates Java property paths such as {@code author.emailAddress} into the names a client sees in JSON.
 */
final class JsonPropertyNames {

	private final ObjectMapper objectMapper;

	private final Map<Class<?>, Map<String, BeanPropertyDefinition>> properties = new ConcurrentHashMap<>();

	JsonPropertyNames(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	String translate(@Nullable Class<?> rootType, String javaPath) {
		if (rootType == null || javaPath == null || javaPath.isEmpty()) {
			return javaPath;
		}
		StringBuilder json = new StringBuilder();
		Class<?> type = rootType;
		for (String segment : javaPath.split("\\.")) {
			int bracket = segment.indexOf('[');
			String name = (bracket >= 0) ? segment.substring(0, bracket) : segment;
			String suffix = (bracket >= 0) ? segment.substring(bracket) : "";
			BeanPropertyDefinition property = (type != null) ? propertiesOf(type).get(name) : null;
			if (json.length() > 0) {
				json.append('.');
			}
			json.append((property != null) ? property.getName() : name).append(suffix);
			type = (property != null && suffix.isEmpty()) ? property.getRawPrimaryType() : null;
		}
		return json.toString();
	}

	private Map<String, BeanPropertyDefinition> propertiesOf(Class<?> type) {
		return this.properties.computeIfAbsent(type, this::introspect);
	}

	private Map<String, BeanPropertyDefinition> introspect(Class<?> type) {
		try {
			return this.objectMapper.getDeserializationConfig()
				.introspect(this.objectMapper.constructType(type))
				.findProperties()
				.stream()
				.collect(Collectors.toMap(BeanPropertyDefinition::getInternalName, (p) -> p, (a, b) -> a));
		}
		catch (RuntimeException ex) {
			return Map.of();
		}
	}

}
