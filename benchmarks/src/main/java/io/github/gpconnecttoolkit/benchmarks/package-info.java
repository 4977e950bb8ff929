/** JMH benchmarks of the GP Connect runtime's per-request work. */
package io.github.gpconnecttoolkit.benchmarks;
