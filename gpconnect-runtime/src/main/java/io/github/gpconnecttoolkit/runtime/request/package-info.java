/**
 * A GP Connect request described by what it is (its {@link io.github.gpconnecttoolkit.runtime.request.Interaction},
 * path ids, query and body) and minted by {@link io.github.gpconnecttoolkit.runtime.request.RequestPreparer} into what
 * goes on the wire: URL, headers (audit JWT, {@code Ssp-*}, {@code Accept}, {@code Content-Type}) and body bytes
 * (specification section 1.0).
 */
package io.github.gpconnecttoolkit.runtime.request;
