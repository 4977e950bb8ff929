/**
 * The unsigned audit JWT of specification section 2 ("cross-organisation audit and provenance"): header
 * {@code {"alg":"none","typ":"JWT"}}, the claims of section 2.2, base64url without padding, empty signature.
 */
package io.github.gpconnecttoolkit.runtime.jwt;
