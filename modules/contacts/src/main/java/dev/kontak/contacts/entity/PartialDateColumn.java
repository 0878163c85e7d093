package dev.kontak.contacts.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A {@link PartialDate} in a text column, in vCard 4.0's form. */
@Converter
public class PartialDateColumn implements AttributeConverter<PartialDate, String> {

    @Override
    public String convertToDatabaseColumn(PartialDate date) {
        return date == null ? null : date.toString();
    }

    @Override
    public PartialDate convertToEntityAttribute(String column) {
        return column == null ? null : PartialDate.parse(column);
    }
}
