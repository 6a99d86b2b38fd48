package io.aitrader.core.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** A parsed holiday list: dated holidays, special sessions, and the years it covers. Immutable. */
record HolidayList(
    String source,
    SortedMap<LocalDate, String> holidays,
    SortedMap<LocalDate, SpecialSession> specialSessions,
    SortedSet<Integer> years) {

  HolidayList {
    holidays = Collections.unmodifiableSortedMap(new TreeMap<>(holidays));
    specialSessions = Collections.unmodifiableSortedMap(new TreeMap<>(specialSessions));
    years = Collections.unmodifiableSortedSet(new TreeSet<>(years));
  }
}
