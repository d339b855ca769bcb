import { similarName } from "../../src/engine/similarName";

describe("similarName: one unit written two ways", () => {
  it.each([
    ["Avian unt", "Avian unit"],
    ["Comunication and outreach", "Communication and outreach"],
    ["Executive mgmt", "Executive management"],
    ["Exec. mgmt", "Executive management"],
    ["Conf services", "Conference services"],
  ])("takes '%s' for '%s', both ways", (a, b) => {
    expect(similarName(a, b)).toBe(true);
    expect(similarName(b, a)).toBe(true);
  });

  it.each([
    ["Unit A", "Unit B"],
    ["Marine unit 1", "Marine unit 2"],
    ["Conference services", "Communication"],
    ["CMS unit", "AEWA unit"],
    ["Administration", "Administration "],
    ["Executive management", "Scientific services"],
  ])("tells '%s' from '%s'", (a, b) => {
    expect(similarName(a, b)).toBe(false);
  });
});
