package dev.kontak.kernel.columns;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * For UUID columns that may be NULL: EclipseLink 4.0.7's built-in UUID conversion fails on a NULL value when it
 * reads a row. Use with {@code @Convert(converter = NullableUuidColumn.class)}.
 */
@Converter
public class NullableUuidColumn implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID id) {
        return id;
    }

    @Override
    public UUID convertToEntityAttribute(Object column) {
        return column == null || column instanceof UUID ? (UUID) column : UUID.fromString(column.toString());
    }
}
