/**
 * The scheduler conformance harness: runs Pacemaker's own regression cases (a CIB plus the {@code expected.json}
 * derived from Pacemaker's summary) through Vigil's importer and scheduler and compares node states, final
 * placement and transition lines.
 */
package io.vigil.pacemaker.conformance;
