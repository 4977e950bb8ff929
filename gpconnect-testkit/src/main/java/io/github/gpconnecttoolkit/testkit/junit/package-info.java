/** JUnit 5 support: one fake GP Connect provider per test class, injected as a parameter. */
package io.github.gpconnecttoolkit.testkit.junit;
