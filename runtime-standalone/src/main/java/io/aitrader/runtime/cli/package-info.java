/** The {@code aitrader} command line: picocli commands, option validation, exit codes (0 ok, 1 failure, 2 usage). */
@NullMarked
package io.aitrader.runtime.cli;

import org.jspecify.annotations.NullMarked;
