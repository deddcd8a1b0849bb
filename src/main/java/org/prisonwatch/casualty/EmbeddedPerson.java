package org.prisonwatch.casualty;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** An identified person as stored in the casualty row. */
@Embeddable
public class EmbeddedPerson {

    @Column(name = "person_name", length = 300)
    public String name;

    @Column(name = "person_prisoner_number", length = 100)
    public String prisonerNumber;

    @Column(name = "person_age")
    public Integer age;

    @Enumerated(EnumType.STRING)
    @Column(name = "person_gender", length = 16)
    public Gender gender;

    @Column(name = "person_hometown", length = 300)
    public String hometown;

    static EmbeddedPerson of(Person person) {
        if (person == null) {
            return null;
        }
        EmbeddedPerson stored = new EmbeddedPerson();
        stored.name = person.name();
        stored.prisonerNumber = person.prisonerNumber();
        stored.age = person.age();
        stored.gender = person.gender();
        stored.hometown = person.hometown();
        return stored;
    }

    static Person toPerson(EmbeddedPerson stored) {
        if (stored == null) {
            return null;
        }
        return new Person(stored.name, stored.prisonerNumber, stored.age, stored.gender, stored.hometown);
    }
}
