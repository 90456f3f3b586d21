/**
 * The {@code redteam4j} command line: one class per command, shared options as mixins, exit codes
 * in {@link org.redteam4j.app.cli.ExitCodes}, and a {@link org.redteam4j.app.Main} that only wires.
 */
package org.redteam4j.app;
