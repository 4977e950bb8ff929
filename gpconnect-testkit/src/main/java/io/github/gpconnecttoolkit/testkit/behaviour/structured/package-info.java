/** Access Record Structured: parameter checks and bundle assembly for get and migrate structured record. */
package io.github.gpconnecttoolkit.testkit.behaviour.structured;
