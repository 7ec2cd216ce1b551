/** The report's file name, directly under the output directory (its own module: importing it does not load vega). */
export const REPORT_FILE = 'report.html';
