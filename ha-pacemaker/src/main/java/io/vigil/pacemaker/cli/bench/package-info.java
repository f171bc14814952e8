/** Command-line entry points of the scheduler benchmark: cluster generation and the in-process harness. */
package io.vigil.pacemaker.cli.bench;
