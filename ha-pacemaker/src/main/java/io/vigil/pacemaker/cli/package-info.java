/**
 * The {@code vigil-pacemaker} command line ({@code java -jar ha-pacemaker/target/vigil-pacemaker.jar}):
 * {@code simulate} (like {@code crm_simulate -S -x}) and {@code conformance}. The only classes that print to
 * standard output.
 */
package io.vigil.pacemaker.cli;
