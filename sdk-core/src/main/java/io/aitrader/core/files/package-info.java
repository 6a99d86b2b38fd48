/** Support for the embedded file-based stores (market store, audit log): one writer per directory. */
@NullMarked
package io.aitrader.core.files;

import org.jspecify.annotations.NullMarked;
