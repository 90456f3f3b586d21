/**
 * redteam4j's curated refusal-phrase list ({@link org.redteam4j.models.refusal.RefusalPhrases}) and
 * the plain string-match detector over it behind the {@code keyword} judge, the baseline the trained
 * classifiers of {@code org.redteam4j.models.classifier} are measured against.
 */
package org.redteam4j.models.refusal;
