/** The interactions the fake provider knows: ids, service roots, verbs and path shapes. */
package io.github.gpconnecttoolkit.testkit.interaction;
