/**
 * Logback maskers and converters that apply the privacy rules to JSON and pattern log output.
 */
package dev.errortracking.logging;
