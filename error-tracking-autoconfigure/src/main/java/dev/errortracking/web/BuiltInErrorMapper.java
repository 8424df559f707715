package dev.errortracking.web;

/**
 * A mapper shipped with the library; the classifier consults it after every application-defined mapper.
 */
interface BuiltInErrorMapper extends ErrorMapper {

	/** The position among the built-in mappers, lowest first. */
	int builtInOrder();

}
