//! The two versions every page is written in: the normal one at `/` and the low-vision one
//! (версия для слабовидящих) at `/lv/`, from the same template and the same rewrite pass.

/// A version of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Variant {
    Normal,
    LowVision,
}

impl Variant {
    /// Every version, in the order pages are written.
    pub const ALL: [Variant; 2] = [Variant::Normal, Variant::LowVision];

    /// `variant` in the templates.
    pub fn name(self) -> &'static str {
        match self {
            Variant::Normal => "normal",
            Variant::LowVision => "lv",
        }
    }

    /// URL prefix of its pages: empty, or `/lv`.
    pub fn prefix(self) -> &'static str {
        match self {
            Variant::Normal => "",
            Variant::LowVision => "/lv",
        }
    }

    /// The output folder its pages go in (`lv`), none for the normal version.
    pub fn folder(self) -> Option<&'static str> {
        self.prefix().strip_prefix('/')
    }
}

/// As its template name (`variant` in the templates).
impl serde::Serialize for Variant {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// From its template name (the build cache reads it back).
impl<'de> serde::Deserialize<'de> for Variant {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Variant::ALL
            .into_iter()
            .find(|v| v.name() == name)
            .ok_or_else(|| serde::de::Error::unknown_variant(&name, &["normal", "lv"]))
    }
}

#[cfg(test)]
mod tests {
    use super::Variant;

    #[test]
    fn the_low_vision_version_lives_under_its_folder() {
        assert_eq!(Variant::Normal.folder(), None);
        assert_eq!(Variant::LowVision.folder(), Some("lv"));
        assert_eq!(Variant::LowVision.prefix(), "/lv");
        assert_eq!(Variant::ALL[0], Variant::Normal);
    }
}
