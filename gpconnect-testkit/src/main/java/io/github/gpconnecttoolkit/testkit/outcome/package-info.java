/** Errors the fake provider answers with, as GP Connect OperationOutcomes. */
package io.github.gpconnecttoolkit.testkit.outcome;
