//! Seeded pseudo-random numbers for the tests' generated inputs: the same inputs on every
//! run, no dependency. Test builds only.

/// xorshift64.
pub struct XorShift(pub u64);

impl XorShift {
    /// The next state.
    pub fn step(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// The next state, taken below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.step() % n as u64) as usize
    }
}

/// Knuth's MMIX linear congruential generator.
pub struct Lcg(pub u64);

impl Lcg {
    /// The next state.
    pub fn step(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0
    }

    /// The next state's high bits, taken below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.step() >> 33) as usize % n
    }
}
