/**
 * Who is asking: the consumer system, organisation, user and device that every audit JWT describes (specification
 * section 2.2), validated once when the identity is built.
 */
package io.github.gpconnecttoolkit.runtime.identity;
