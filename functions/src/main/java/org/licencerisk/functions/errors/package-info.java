/**
 * The kinds of refusal a service gives, without any transport: not found, conflict with the stored state, invalid
 * request. Each feature package owns the concrete exceptions it throws ({@code ModelNotFoundException},
 * {@code DecisionConflictException}, …); the HTTP layer turns each kind into its problem, the command line into its
 * exit status. Messages are safe to show: they never contain application contents.
 */
package org.licencerisk.functions.errors;
