package io.aitrader.runtime.cli;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** Turns {@code --symbols} into instruments of the bundled NSE master, refusing unknown ones by name. */
final class SymbolList {
  private SymbolList() {}

  /** The first {@code defaultCount} NSE equities when {@code symbols} is empty. */
  static List<Instrument> resolve(List<String> symbols, InMemoryInstrumentRepository repository, int defaultCount,
      CommandLine commandLine) {
    if (symbols.isEmpty()) {
      return repository.all().stream().filter(i -> i.exchange() == Exchange.NSE && i.type() == InstrumentType.EQ)
          .limit(defaultCount).collect(Collectors.toList());
    }
    List<Instrument> found = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String raw : symbols) {
      String symbol = raw.trim().toUpperCase(Locale.ROOT);
      if (symbol.isEmpty()) {
        throw new CommandLine.ParameterException(commandLine, "--symbols has an empty entry: give symbols like RELIANCE,TCS");
      }
      Optional<Instrument> i = repository.find(Exchange.NSE, symbol);
      if (i.isPresent()) {
        if (!found.contains(i.get())) { // tcs,TCS and TCS, TCS name one instrument
          found.add(i.get());
        }
      } else {
        unknown.add(raw.trim());
      }
    }
    if (!unknown.isEmpty()) {
      String examples = repository.all().stream().limit(5).map(Instrument::tradingSymbol).collect(Collectors.joining(", "));
      throw new CommandLine.ParameterException(commandLine, "unknown symbol" + (unknown.size() > 1 ? "s " : " ")
          + String.join(", ", unknown) + ": not in the bundled NSE instrument master (for example " + examples + ")");
    }
    return found;
  }
}
