/**
 * {@code redteam4j analyze}: the paper's analyses as one self-contained HTML report, tables.json and
 * CSVs. The page comes from the Thymeleaf templates under {@code report/}, one fragment per section,
 * fed by one view-model record per section ({@link org.redteam4j.app.report.ReportView}).
 */
package org.redteam4j.app.report;
