/**
 * The fake provider's seed data: the practice, its practitioners, locations, patients (with the reference provider's
 * special cases), appointment schedules and free slots generated relative to the provider's clock, the appointment
 * store and the patients' documents. All stores are safe for concurrent use.
 */
package io.github.gpconnecttoolkit.testkit.data;
