// The JSON Schema engine (draft 2020-12 and draft-07) lives in this module. It knows nothing of
// probation: it validates any JSON document against any schema.
