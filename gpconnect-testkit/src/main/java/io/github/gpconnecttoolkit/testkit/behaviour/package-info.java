/** What the fake provider does for each interaction once a request has passed validation. */
package io.github.gpconnecttoolkit.testkit.behaviour;
