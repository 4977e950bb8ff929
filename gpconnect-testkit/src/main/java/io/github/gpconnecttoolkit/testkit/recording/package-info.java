/** What the fake provider received and decided, request by request, for tests to assert on. */
package io.github.gpconnecttoolkit.testkit.recording;
