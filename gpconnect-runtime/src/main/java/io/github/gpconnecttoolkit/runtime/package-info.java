/**
 * The GP Connect consumer runtime: everything a request to a GP Connect provider needs besides its content.
 *
 * <p>Sub-packages hold one concern each: {@code identity} (who is asking), {@code jwt} (the unsigned audit token of
 * specification section 2), {@code ssp} (the {@code Ssp-*} headers of section 3.1), {@code endpoint} (service roots and
 * the Spine Secure Proxy URL of section 3.2), {@code tls} (mutual authentication, section 4), {@code request} (a request
 * described by its interaction, then minted into headers and bytes), {@code transport} (sending it), {@code body} (what
 * request bodies generated from the profiles check on {@code build()}) and {@code error} (OperationOutcome and Spine
 * error codes, section 5).
 */
package io.github.gpconnecttoolkit.runtime;
