package org.redteam4j.core.scoring;

import java.util.List;
import org.redteam4j.core.transcript.Turn;

/** Decides whether a reply makes an attack succeed. A judge failure is an ERROR verdict, never an exception. */
public interface Judge {

    Verdict judge(List<Turn> context, String reply);

    String id();
}
