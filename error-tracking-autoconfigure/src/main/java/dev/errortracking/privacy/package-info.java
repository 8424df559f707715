/**
 * One rule set that removes secrets and personal data from text, structures, JSON, forms, URLs, headers and cookies.
 */
package dev.errortracking.privacy;
