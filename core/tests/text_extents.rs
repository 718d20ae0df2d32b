//! English extents read by their place word (`core/phrases.tsv` scope v8, `EN_PLACES` in
//! `core/src/scan/span.rs`): an opener ("whole", "entire", "every", "all the", "half the",
//! "everyone in") and a short noun phrase whose place word gives the level. Sentences written
//! for this test, none from the corpus, with the look-alikes the reader must leave alone.

mod common;
use common::scope;

/// Asserts the scope of each sentence.
fn all(level: Option<&str>, texts: &[&str]) {
    for t in texts {
        assert_eq!(scope(t), level, "{t}");
    }
}

#[test]
fn a_building_block_or_estate_is_a_building() {
    all(
        Some("building"),
        &[
            "The lift has been broken for the whole building since Friday.",
            "The entire estate has had no hot water for a week.",
            "Every flat has mould coming through the walls.",
            "Every single apartment lost heating overnight.",
            "Everyone in the tower block is without gas.",
            "The whole of our block has been cut off again.",
            "Our entire housing estate is on a boil notice.",
            "Everyone on the estate got the same letter.",
            "All the flats in the building have low pressure.",
            "This whole complex has been without hot water.",
            "My neighbours have the same problem with the meter.",
            "It is not just us, the neighbours too.",
        ],
    );
}

#[test]
fn a_street_neighbourhood_or_town_is_a_district() {
    all(
        Some("district"),
        &[
            "Everyone on our road has had the same letter about the meter.",
            "Half the village has no broadband and nobody will tell us why.",
            "All the houses on our street lost power at six.",
            "Everyone in the area is getting the same error.",
            "Half the street is without water.",
            "The entire neighbourhood went dark at eight o'clock.",
            "Every home in the village has the same fault.",
            "All the streets near the park have had no collection.",
            "The whole town smells of sewage.",
        ],
    );
}

#[test]
fn a_city_county_or_named_place_is_a_city() {
    all(
        Some("city"),
        &[
            "Apparently the whole city lost card payments at lunchtime.",
            "Half the county is without water after the main burst.",
            "Your engineer said the fault covers the whole of Bristol.",
            "The whole of Manchester has been down since ten.",
            "The entire region is affected.",
        ],
    );
}

#[test]
fn a_country_network_or_every_customer_is_everyone() {
    all(
        Some("everyone"),
        &[
            "The whole country is affected, it's on the news.",
            "Every customer got charged twice this month.",
            "The whole network went down for hours.",
            "Everyone in the UK is getting this message.",
        ],
    );
}

#[test]
fn widest_stated_extent_wins() {
    let t = "First the whole building lost power, then the entire town.";
    assert_eq!(scope(t), Some("district"));
    let t = "Every flat on our road has the same damp.";
    assert_eq!(scope(t), Some("district"));
}

#[test]
fn times_things_homes_and_staff_name_no_extent() {
    all(
        None,
        &[
            "I waited the whole of March for a callback.",
            "The whole of Christmas we had no heating.",
            "We were cut off the whole of Monday and most of Tuesday.",
            "The whole of Saturday the app would not load.",
            "I was on hold the whole of August.",
            "Every customer service agent I spoke to gave me a different answer.",
            "The whole thing has been a nightmare from start to finish.",
            "It keeps cutting out all the time.",
            "I have rung every day this week.",
            "My broadband drops every evening since Tuesday.",
            "You want me to pay the entire bill again?",
            "Every day the building manager says it will be fixed tomorrow.",
            "The whole flat smells of gas.",
            "Everyone in the house has been ill since the leak.",
            "There is damp in every room in my house.",
            "The whole customer journey on your website is broken.",
            "I read the entire statement twice.",
            "Half the time nobody answers.",
            "All the staff were rude to me.",
            "My neighbours are noisy and your engineer parked across my drive.",
        ],
    );
}

#[test]
fn a_denied_extent_does_not_count() {
    all(
        None,
        &[
            "It is not the whole street, just us.",
            "Nobody else is affected, not the whole building.",
        ],
    );
}
