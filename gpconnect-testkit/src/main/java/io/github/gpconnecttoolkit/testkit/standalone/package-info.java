/** The fake provider as a runnable jar, for consumers written in any language. */
package io.github.gpconnecttoolkit.testkit.standalone;
