/** E-mail over SMTP: a {@link io.aitrader.api.notify.Notifier} on Angus Mail (Jakarta Mail). */
@NullMarked
package io.aitrader.connector.smtp;

import org.jspecify.annotations.NullMarked;
