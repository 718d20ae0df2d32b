//! The scope a text states (tests/text/README.md, **Scope**) from the homes around the
//! customer (`core/phrases.tsv`, "Scope v11"): several blocks nearby, the neighbours too or
//! on both sides (other households of the building), a city-wide failure; with the words of
//! the earlier lists in each script beside them, and the look-alikes that name one home, money,
//! the staff or a time. Sentences written for this test, none from the corpus.

mod common;
use common::{assert_readings, scope};

/// Every text states the scope given beside it.
fn assert_all(cases: &[(&str, Option<&str>)]) {
    assert_readings(cases, scope);
}

#[test]
fn several_blocks_or_the_neighbours_too_are_a_building() {
    assert_all(&[
        ("附近几栋楼都停电，物业说在抢修。", Some("building")),
        ("我們這邊好幾棟樓都沒有熱水。", Some("building")),
        (
            "隔壁邻居也一样没网，不是我家路由器的问题。",
            Some("building"),
        ),
        ("左邻右里都没水，物业一句解释都没有。", Some("building")),
        ("左鄰右里都話冇水，管理處話唔知。", Some("building")),
        // The earlier words, in each script.
        ("整栋楼都停水了。", Some("building")),
        ("成個屋苑都冇水。", Some("building")),
        (
            "The entire estate has had no water since noon.",
            Some("building"),
        ),
        ("All my neighbours have the same problem.", Some("building")),
    ]);
}

#[test]
fn a_street_a_district_a_city_and_everyone() {
    assert_all(&[
        ("整条街都停电了。", Some("district")),
        ("成條街都冇電。", Some("district")),
        ("Everyone on my street has lost power.", Some("district")),
        ("It's a city-wide outage and nobody answers.", Some("city")),
        ("It's a citywide outage and nobody answers.", Some("city")),
        ("全市的公交卡都刷不了。", Some("city")),
        ("全国用户都登录不了。", Some("everyone")),
    ]);
}

#[test]
fn one_home_money_staff_and_times_state_no_extent() {
    assert_all(&[
        ("The whole family is upset.", None),
        ("I want all my money back.", None),
        ("Everyone at the shop was rude.", None),
        ("全家人都气坏了。", None),
        ("整个人都不好了。", None),
        ("成個人都唔舒服。", None),
        ("我整個月都冇網用。", None),
        ("The whole day was wasted.", None),
        // A neighbour who causes the problem states no extent.
        ("楼上邻居漏水到我家。", None),
    ]);
}
