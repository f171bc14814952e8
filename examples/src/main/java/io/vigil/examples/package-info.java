/** Runnable demos of Vigil. */
package io.vigil.examples;
