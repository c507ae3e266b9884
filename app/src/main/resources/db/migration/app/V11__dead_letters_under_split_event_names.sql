-- The contracts were split by message kind: events moved from dev.vitrine.api.{gallery,image} to
-- dev.vitrine.api.{gallery,image}.event. The event store keeps its rows as written (an upcaster reads old names);
-- parked dead letters are operational data that Axon deserializes without upcasters, so they take the new names.
UPDATE DeadLetterEntry
SET payloadType = regexp_replace(payloadType, '^dev\.vitrine\.api\.(gallery|image)\.([A-Z][A-Za-z0-9]*)$',
                                 'dev.vitrine.api.\1.event.\2')
WHERE payloadType ~ '^dev\.vitrine\.api\.(gallery|image)\.[A-Z][A-Za-z0-9]*$';
