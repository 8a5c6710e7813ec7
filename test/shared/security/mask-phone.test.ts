import { maskPhone } from '#shared/security/mask-phone';

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    // Act
    const masked = maskPhone('13800138000');

    // Assess
    expect(masked).toBe('138****8000');
  });

  it('drops spaces and dashes before masking', () => {
    // Act
    const masked = maskPhone('138-0013 8000');

    // Assess
    expect(masked).toBe('138****8000');
  });

  it('masks all but the last 2 characters of a short value', () => {
    // Act
    const masked = maskPhone('5551234');

    // Assess
    expect(masked).toBe('*****34');
  });

  it('masks a value of 2 characters whole', () => {
    // Act
    const masked = maskPhone('12');

    // Assess
    expect(masked).toBe('**');
  });

  it('leaves an empty value empty', () => {
    // Act
    const masked = maskPhone('');

    // Assess
    expect(masked).toBe('');
  });

  it('never shows more than 7 characters of a longer number', () => {
    // Act
    const masked = maskPhone('+8613800138000');

    // Assess
    expect(masked).toBe('+86*******8000');
  });
});
