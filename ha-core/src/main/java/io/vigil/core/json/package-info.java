/**
 * Vigil's JSON format for configurations, status and whole CIBs: {@link io.vigil.core.json.VigilJson} reads and
 * writes it, {@link io.vigil.core.json.VigilJsonException} says what and where when input is wrong. The format
 * is documented in {@code docs/configuration-format.md}.
 */
package io.vigil.core.json;
