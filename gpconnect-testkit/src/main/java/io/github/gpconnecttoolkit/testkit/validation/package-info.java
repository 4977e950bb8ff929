/** The rules a request passes before the fake provider serves it, checked in the reference provider's order. */
package io.github.gpconnecttoolkit.testkit.validation;
