package org.licencerisk.model.data;

/**
 * A historical data file or schema that cannot be read, with the line and column at fault.
 * The message names the place and the problem, never the cell's content.
 */
public final class DataFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String column;

    /**
     * @param file   the file's name
     * @param line   the 1-based line number, or 0 when the problem concerns the whole file
     * @param column the column or field name, or {@code null}
     * @param detail a sentence saying what is wrong
     */
    public DataFormatException(String file, long line, String column, String detail) {
        super(file + (line > 0 ? ", line " + line : "") + (column != null ? ", column '" + column + "'" : "") + ": " + detail);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }
}
