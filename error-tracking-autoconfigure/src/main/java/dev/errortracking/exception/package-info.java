/**
 * Domain exceptions that services throw without depending on the web layer.
 */
package dev.errortracking.exception;
