/** Pacemaker compatibility: CIB XML import, a crm_simulate-like command line and the conformance harness. */
package io.vigil.pacemaker;
