-- A backstop for the workbench's choice (issue 18): at most one picked candidate per turn, even if
-- two picks at once got past the row lock LiveAttemptRepository.choose takes.
CREATE UNIQUE INDEX turn_candidates_one_pick ON turn_candidates (turn_id) WHERE picked;
