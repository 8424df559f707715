/**
 * Sentry reporting: which failures are reported, how, exactly once, with the event id handed back.
 */
package dev.errortracking.sentry;
