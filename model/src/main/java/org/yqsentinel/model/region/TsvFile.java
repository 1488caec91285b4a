package org.yqsentinel.model.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The tab-separated files of the region and outlet tables: {@code #} comments and blank lines skipped, a byte order
 * mark and Windows line ends accepted, a header row, then rows of exactly its columns; "-" is an empty cell.
 */
public final class TsvFile {

    private TsvFile() {}

    /** One data row, with its file and line for error messages. */
    public record Row(String file, int line, String[] cells) {

        /** The cell stripped, "" for "-". */
        public String cell(int index) {
            String cell = cells[index].strip();
            return cell.equals("-") ? "" : cell;
        }

        /** A comma-separated cell (either comma) as its items. */
        public List<String> list(int index) {
            List<String> items = new ArrayList<>();
            for (String item : cell(index).split("[,，]")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
            return items;
        }

        public RegionTableException error(String what) {
            return new RegionTableException(file + ":" + line + ": " + what);
        }
    }

    /** The data rows after {@code header}; a missing header or a row of another width is refused with file:line. */
    public static List<Row> rows(Reader reader, String file, String header) {
        int columns = header.split("\t").length;
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        int number = 0;
        try (BufferedReader in = new BufferedReader(reader)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Row row = new Row(file, number, line.split("\t", -1));
                if (!headerSeen) {
                    if (!line.strip().equals(header)) {
                        throw row.error("expected the header row " + describe(header));
                    }
                    headerSeen = true;
                } else if (row.cells().length != columns) {
                    throw row.error("expected " + columns + " tab-separated columns, found " + row.cells().length);
                } else {
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new RegionTableException(file + ":" + number + ": cannot read: " + e.getMessage(), e);
        }
        if (!headerSeen) {
            throw new RegionTableException(file + ":" + (number + 1) + ": no header row " + describe(header));
        }
        return rows;
    }

    private static String describe(String header) {
        return "\"" + header.replace("\t", " ") + "\" (tab-separated)";
    }
}
