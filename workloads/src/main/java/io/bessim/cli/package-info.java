/**
 * The {@code bessim} command line (picocli): one root command with thin subcommands. Bad input is
 * one line on stderr and exit code 2; an internal failure is one line and exit 1.
 */
package io.bessim.cli;
